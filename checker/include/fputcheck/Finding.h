//===- Finding.h - What checks report ---------------------------*- C++ -*-===//
#ifndef FPUTCHECK_FINDING_H
#define FPUTCHECK_FINDING_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace fputcheck {

/// The checks, numbered in the order of Checks.def.
enum class CheckKind {
#define FPUTCHECK_CHECK(Kind, Id, Class, Summary) Kind,
#include "fputcheck/Checks.def"
};
constexpr unsigned NumChecks = 0
#define FPUTCHECK_CHECK(Kind, Id, Class, Summary) +1
#include "fputcheck/Checks.def"
    ;

/// The SARIF ruleId, e.g. "fput-sync-atomic".
llvm::StringRef checkId(CheckKind K);
/// The check's one-sentence description, shared by --list-checks, SARIF
/// rule metadata and docs/checks.md.
llvm::StringRef checkSummary(CheckKind K);
bool parseCheckId(llvm::StringRef Id, CheckKind &K);

/// One location of a finding: where, in which function, and what happens.
struct Step {
  std::string Function;
  std::string File; // Absolute; emitters make it relative to the root.
  unsigned Line = 0;
  unsigned Col = 0;
  std::string Message;
};

struct Finding {
  CheckKind Check = CheckKind::Atomic;
  /// The call site the finding is about, in the function that holds the lock
  /// (is exported, calls complete() afterwards, is reached from the root).
  Step Where;
  /// One-line verdict, e.g. "__fput_sync() reached with mutex 'x' held".
  std::string Message;
  /// "close_table_device -> __fput_sync".
  std::string Chain;
  std::string SyncVariant;
  /// What makes the chain unsafe, as a reviewer names it: the lock and its
  /// class ("mutex 'md->table_devices_lock'"), the export macro, the
  /// completion, the root. Part of the finding's identity (findingKey).
  std::string Context;
  /// Evidence away from the chain: lock site, complete() site, export line.
  std::vector<Step> Notes;
  /// The witness, from the first function down to the sync variant's call.
  std::vector<Step> Flow;
  /// The function whose drop of the last reference a step of the chain
  /// needs (put_files_struct(): the chain runs only for the last user of
  /// the object, rules: last_reference_tests); empty when no step does.
  /// Said in Message too; here so that tools can rank such findings apart.
  std::string OnlyOnLastReference;
};

/// Path of \p File relative to \p Root when below it, else unchanged.
std::string relativePath(llvm::StringRef File, llvm::StringRef Root);

/// A finding's identity across edits that do not change what it claims:
/// check id, file (relative to \p Root), function, sync variant, context
/// and the chain's function names; never a line or column. Before/after
/// comparisons and SARIF partialFingerprints use it.
std::string findingKey(const Finding &F, llvm::StringRef Root);
/// findingKey() hashed to 16 hex digits: JSON "fingerprint", SARIF
/// partialFingerprints, baselines.
std::string findingFingerprint(const Finding &F, llvm::StringRef Root);

/// Sorts by file, line, column, check, then function: output order never
/// depends on thread scheduling or hash order. Findings of one check about
/// one place, one context (a lock, an export) and one sync call reached are
/// one claim, whichever call written there the chains start from: a macro
/// such as INDIRECT_CALL_2() expands to three calls at one place. Of those
/// the one with the shortest witness is kept (the first in order on a tie).
void sortFindings(std::vector<Finding> &F);

} // namespace fputcheck

#endif

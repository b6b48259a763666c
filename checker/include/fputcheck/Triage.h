//===- Triage.h - Baselines and suppressions --------------------*- C++ -*-===//
//
// What CI needs from finding identities (findingKey()): a baseline, the
// findings a tree had when a project adopted the tool, so a job fails only
// on new ones; and suppressions, findings a maintainer judged and wrote a
// reason for, kept in the tree next to the code.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_TRIAGE_H
#define FPUTCHECK_TRIAGE_H

#include "fputcheck/Diagnostic.h"
#include "fputcheck/Finding.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <string>
#include <vector>

namespace fputcheck {

/// One line per finding, sorted: its fingerprint, then what a reader needs
/// to recognise it ("fput-sync-locked drivers/md/dm.c dm_put_table_device()
/// __fput_sync: mutex '...' (close_table_device -> __fput_sync)").
void writeBaseline(const std::vector<Finding> &Fs, llvm::StringRef Root,
                   llvm::raw_ostream &OS);
/// The fingerprints of a baseline file; an error names the file and line.
llvm::Expected<std::multiset<std::string>>
readBaseline(llvm::StringRef Path);
/// Drops from \p Fs the findings \p Baseline holds (each entry hides one);
/// returns how many it dropped.
unsigned applyBaseline(std::vector<Finding> &Fs, llvm::StringRef Root,
                       std::multiset<std::string> Baseline);

struct Suppression {
  std::string Check, Function, Variant, Lock, Reason;
  std::string File; // The suppressions file, and the entry's line in it.
  unsigned Line = 0;
  unsigned Matched = 0;
};

/// Reads a suppressions file (YAML: a list of entries with check, function,
/// optionally variant and lock, and a mandatory reason). Errors name the
/// file and line of the entry.
llvm::Expected<std::vector<Suppression>>
readSuppressions(llvm::StringRef Path);
/// Drops the findings an entry matches: same check and function, and the
/// variant and lock when the entry names them (the lock as the finding's
/// context shows it, e.g. md->table_devices_lock, or a lock it is a member
/// of). Counts matches per
/// entry; returns how many findings it dropped.
unsigned applySuppressions(std::vector<Finding> &Fs,
                           std::vector<Suppression> &S);
/// A warning at each entry that matched nothing.
std::vector<Diagnostic> staleSuppressions(const std::vector<Suppression> &S);

} // namespace fputcheck

#endif

//===- BodyNeeds.h - Which header function bodies a TU may need -*- C++ -*-===//
//
// A kernel TU parses thousands of inline function bodies from headers but
// analyses only its own functions and the ones they reach (callees and
// functions stored into fields). Parsing the others costs half the extraction
// time, and which ones are needed is not known before the main file is read.
//
// So a cheap first pass preprocesses the TU, finds every file-scope function
// body in the headers by tokens alone, and closes the identifiers of the main
// file over "body of NAME mentions IDENT". The extraction then skips the body
// of a header function whose name is outside that closure. C calls and
// function pointers are written as names, so a function the extraction could
// analyse is always in it; whatever the token scan cannot classify counts as
// mentioned by the main file.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_EXTRACT_BODYNEEDS_H
#define FPUTCHECK_EXTRACT_BODYNEEDS_H

#include "clang/Basic/FileManager.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace fputcheck {

/// Names of the header functions whose bodies a TU may need.
using BodyNeeds = llvm::StringSet<>;

/// Preprocesses the TU of the clang command line \p Args, reading through
/// \p Files (the extraction's own, so both passes see the same files).
/// Returns std::nullopt when it could not tell: the caller must then parse
/// every body.
std::optional<BodyNeeds> findBodyNeeds(const std::vector<std::string> &Args,
                                       clang::FileManager &Files);

} // namespace fputcheck

#endif

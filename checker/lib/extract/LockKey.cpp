//===- LockKey.cpp - The grammar of lock keys -------------------*- C++ -*-===//

#include "extract/LockKey.h"

#include "llvm/ADT/StringExtras.h"
#include <cassert>

using namespace llvm;
using namespace fputcheck;

/// Whether \p Key has the root the grammar promises for its first character.
/// Paths are not checked: keys read from macro arguments keep whatever
/// characters the argument had beyond its root.
[[maybe_unused]] static bool hasValidRoot(StringRef Key) {
  if (Key.empty())
    return true;
  switch (Key[0]) {
  case '$':
    return Key.size() > 1 && isDigit(Key[1]);
  case '%':
  case '@':
    return Key.size() > 1;
  case '?':
    return true; // Any text, even none.
  default:
    return Key[0] != '.' && Key[0] != '[';
  }
}

LockKey::LockKey(StringRef Key) : Key(Key) {
  assert(hasValidRoot(Key) && "not a lock key in its stored form");
}

std::string LockKey::param(unsigned Index, StringRef Path) {
  return "$" + std::to_string(Index) + Path.str();
}

std::string LockKey::local(StringRef Name, StringRef Path) {
  assert(!Name.empty() && "a local's key needs its name");
  return "%" + Name.str() + Path.str();
}

std::string LockKey::global(StringRef Name, StringRef Path) {
  std::string Key = Name.str() + Path.str();
  assert(!Name.empty() && LockKey(Key).root() == Root::Global &&
         "a global's name must not read as another root");
  return Key;
}

std::string LockKey::perCpu(StringRef Kind) {
  assert(!Kind.empty() && "a per-CPU state is named by its lock kind");
  return "@" + Kind.str();
}

std::string LockKey::unrooted(StringRef Text) { return "?" + Text.str(); }

LockKey::Root LockKey::root() const {
  if (Key.empty())
    return Root::None;
  switch (Key[0]) {
  case '$':
    return Root::Param;
  case '%':
    return Root::Local;
  case '@':
    return Root::PerCpu;
  case '?':
    return Root::Unrooted;
  default:
    return Root::Global;
  }
}

int LockKey::paramIndex() const {
  StringRef Rest = Key;
  if (!Rest.consume_front("$"))
    return -1;
  unsigned N = 0;
  if (Rest.consumeInteger(10, N))
    return -1;
  return int(N);
}

StringRef LockKey::paramPath() const {
  assert(isParam() && "only a parameter key has a parameter path");
  return Key.drop_front().ltrim("0123456789");
}

bool LockKey::isPrefixOf(LockKey Other) const {
  // An empty key is no lock; letting it through would make "" the same
  // lock as every key.
  assert(!empty() && !Other.empty() && "an empty key names no lock");
  StringRef O = Other.Key;
  if (!O.starts_with(Key))
    return false;
  return O.size() == Key.size() || O[Key.size()] == '.' || O[Key.size()] == '[';
}

std::string LockKey::rebased(LockKey Prefix, StringRef Root) const {
  assert(Prefix.isPrefixOf(*this) && "rebased from a prefix it does not have");
  return Root.str() + Key.substr(Prefix.Key.size()).str();
}

std::string LockKey::intoCallee(ArrayRef<std::string> ArgKeys) const {
  if (empty() || isUnrooted())
    return "";
  // The longest argument that is a prefix of the key names it best.
  int Best = -1;
  size_t BestLen = 0;
  for (unsigned I = 0; I < ArgKeys.size(); ++I) {
    LockKey A(ArgKeys[I]);
    if (A.empty() || !A.isPrefixOf(*this))
      continue;
    if (Best < 0 || A.Key.size() > BestLen) {
      Best = int(I);
      BestLen = A.Key.size();
    }
  }
  if (Best >= 0)
    return rebased(ArgKeys[Best], param(unsigned(Best)));
  if (!isFixed())
    return "";
  return Key.str();
}

std::string LockKey::text() const { return pathText(Key); }

std::string LockKey::pathText(StringRef Path) {
  std::string Text;
  for (char C : Path) {
    if (C == '.')
      Text += "->";
    else
      Text += C;
  }
  return Text;
}

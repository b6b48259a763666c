//===- Codec.h - A TU summary as stored bytes -------------------*- C++ -*-===//
//
// Summaries are stored in the binary form of BinarySummary.h, compressed
// with zstd when this LLVM has it, else zlib, else not at all. The codec is
// stored with the bytes ("fps1+zstd"), so a store stays readable by a build
// with other libraries, or is reported as unreadable rather than misread.
//
//===----------------------------------------------------------------------===//
#ifndef FPUTCHECK_STORE_CODEC_H
#define FPUTCHECK_STORE_CODEC_H

#include "fputcheck/Summary.h"
#include <cstdint>
#include <string>
#include <vector>

namespace fputcheck {

struct EncodedSummary {
  std::string Codec;
  uint64_t RawSize = 0; // Bytes before compression.
  std::vector<uint8_t> Bytes;
};

EncodedSummary encodeSummary(const TUSummary &S);
llvm::Expected<TUSummary> decodeSummary(const EncodedSummary &E);

} // namespace fputcheck

#endif

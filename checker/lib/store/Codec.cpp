//===- Codec.cpp - A TU summary as stored bytes ---------------------------===//

#include "store/Codec.h"
#include "store/BinarySummary.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Compression.h"

using namespace llvm;
using namespace fputcheck;

EncodedSummary fputcheck::encodeSummary(const TUSummary &S) {
  std::vector<uint8_t> Raw;
  writeBinarySummary(S, Raw);
  EncodedSummary E;
  E.RawSize = Raw.size();
  SmallVector<uint8_t, 0> Out;
  // zstd level 3 costs a fraction of a millisecond per TU.
  if (compression::zstd::isAvailable()) {
    compression::zstd::compress(Raw, Out, 3);
    E.Codec = "fps1+zstd";
  } else if (compression::zlib::isAvailable()) {
    compression::zlib::compress(Raw, Out,
                                compression::zlib::BestSpeedCompression);
    E.Codec = "fps1+zlib";
  } else {
    E.Codec = "fps1";
    E.Bytes = std::move(Raw);
    return E;
  }
  E.Bytes.assign(Out.begin(), Out.end());
  return E;
}

Expected<TUSummary> fputcheck::decodeSummary(const EncodedSummary &E) {
  SmallVector<uint8_t, 0> Raw;
  ArrayRef<uint8_t> Plain;
  Error Err = Error::success();
  if (E.Codec == "fps1+zstd" && compression::zstd::isAvailable())
    Err = compression::zstd::decompress(E.Bytes, Raw, E.RawSize);
  else if (E.Codec == "fps1+zlib" && compression::zlib::isAvailable())
    Err = compression::zlib::decompress(E.Bytes, Raw, E.RawSize);
  else if (E.Codec == "fps1")
    Plain = E.Bytes;
  else
    return createStringError(inconvertibleErrorCode(),
                             "codec '%s' is not available in this build",
                             E.Codec.c_str());
  if (Err)
    return Err;
  if (Plain.empty())
    Plain = Raw;
  if (Plain.size() != E.RawSize)
    return createStringError(inconvertibleErrorCode(),
                             "summary is %zu bytes, %llu expected",
                             Plain.size(), (unsigned long long)E.RawSize);
  return readBinarySummary(Plain);
}

// RapidJSON as this workload configures it. Every file here includes this header rather than
// <rapidjson/...> directly, so the configuration macro is set before any RapidJSON header.
#pragma once

// -march=x86-64-v3 (toolchains/cpp.json) guarantees SSE4.2, which RapidJSON uses to skip
// whitespace; its SIMD string scanning is off whenever encoding validation is on.
#define RAPIDJSON_SSE42

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

// Formatting one response into a connection's output.
#pragma once

#include <string>
#include <string_view>

enum class Status { kOk, kBadRequest, kNotFound, kHeadersTooLarge };

// Appends a whole response for `status`: status line, Server, Date, Content-Type,
// Content-Length, Connection: close when `close`, and the body.
void AppendResponse(std::string& out, Status status, std::string_view date, bool close);

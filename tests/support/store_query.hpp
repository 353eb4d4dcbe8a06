// What integration tests read behind the server's back: one value from its store (read
// only, beside the running server), and a petition's count as the API gives it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "support/server_process.hpp"

namespace rempart::testing {

// Every row of `sql` on the server's data/rempart.db (read only, beside the running server,
// which WAL allows), each column as text, NULL as `null_text`; none when it cannot be read.
std::vector<std::vector<std::string>> store_rows(const ServerProcess& server,
                                                 const std::string& sql,
                                                 const std::string& null_text = "");

// The first column of the first row of `sql` on the server's data/rempart.db, as text;
// empty when there is no row or the store cannot be read.
std::string store_value(const ServerProcess& server, const std::string& sql);

// Runs `sql` (statements that return no rows) on the server's store, beside the running
// server as another process would: for a test that needs thousands of rows a browser would
// take minutes to make. Returns SQLite's error message, or empty when it ran.
std::string store_exec(const ServerProcess& server, const std::string& sql);

// signature_count from GET /api/petitions/{slug}; -1 when the API does not answer 200.
std::int64_t api_signature_count(std::uint16_t port, const std::string& slug);

}  // namespace rempart::testing

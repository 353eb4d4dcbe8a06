// What integration tests read behind the server's back.
#include "support/store_query.hpp"

#include <sqlite3.h>
#include <boost/json.hpp>

#include "support/http_client.hpp"

namespace rempart::testing {

std::string store_value(const ServerProcess& server, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string value;
    if (sqlite3_open_v2((server.dir() / "data" / "rempart.db").c_str(), &db, SQLITE_OPEN_READONLY,
                        nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
        if (statement && sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
            value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return value;
}

std::int64_t api_signature_count(std::uint16_t port, const std::string& slug) {
    const auto response = http_get(port, "/api/petitions/" + slug);
    if (response.status != 200) return -1;
    return boost::json::parse(response.body).at("signature_count").as_int64();
}

}  // namespace rempart::testing

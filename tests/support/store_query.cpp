// What integration tests read behind the server's back.
#include "support/store_query.hpp"

#include <sqlite3.h>
#include <boost/json.hpp>

#include "client/http_client.hpp"

namespace rempart::testing {

std::vector<std::vector<std::string>> store_rows(const ServerProcess& server,
                                                 const std::string& sql,
                                                 const std::string& null_text) {
    std::vector<std::vector<std::string>> rows;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2((server.dir() / "data" / "rempart.db").c_str(), &db, SQLITE_OPEN_READONLY,
                        nullptr) == SQLITE_OK) {
        // The server may be committing: wait for it rather than read nothing.
        sqlite3_busy_timeout(db, 2000);
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
        while (statement && sqlite3_step(statement) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                const auto* text = sqlite3_column_text(statement, i);
                row.push_back(text ? reinterpret_cast<const char*>(text) : null_text);
            }
            rows.push_back(std::move(row));
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return rows;
}

std::string store_exec(const ServerProcess& server, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string error;
    if (sqlite3_open_v2((server.dir() / "data" / "rempart.db").c_str(), &db, SQLITE_OPEN_READWRITE,
                        nullptr) != SQLITE_OK) {
        error = db ? sqlite3_errmsg(db) : "cannot open the store";
    } else {
        sqlite3_busy_timeout(db, 5000);
        char* message = nullptr;
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK)
            error = message ? message : "failed";
        sqlite3_free(message);
    }
    sqlite3_close(db);
    return error;
}

std::string store_value(const ServerProcess& server, const std::string& sql) {
    const auto rows = store_rows(server, sql);
    return rows.empty() || rows.front().empty() ? std::string() : rows.front().front();
}

std::int64_t api_signature_count(std::uint16_t port, const std::string& slug) {
    const auto response = http_get(port, "/api/petitions/" + slug);
    if (response.status != 200) return -1;
    return boost::json::parse(response.body).at("signature_count").as_int64();
}

}  // namespace rempart::testing

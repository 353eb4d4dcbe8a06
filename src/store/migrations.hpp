// Brings a store's schema up to date with numbered migrations; refuses a newer store.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace rempart::store {

struct Migration {
    int number;  // from the file name: migrations/0001_petitions.sql is 1
    std::string_view name;
    std::string_view sql;
};

// The migrations compiled into this binary, in order.
std::vector<Migration> embedded_migrations();

// Applies, each in its own transaction, the migrations above the store's user_version;
// returns the schema version reached. A store above the newest migration is refused
// (StoreError::newer): an older binary must not write data it does not understand.
Result<int> migrate(Database& db, std::span<const Migration> migrations);
Result<int> migrate(Database& db);

}  // namespace rempart::store

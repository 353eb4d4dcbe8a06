// Public petitions whose title, summary or text hold every word of a search.
#include "store/petition_search.hpp"

#include <sqlite3.h>

#include "signatures/text_input.hpp"
#include "store/detail/petition_rows.hpp"
#include "store/petition_repository.hpp"

namespace rempart::store {
namespace {

// rempart_fold(text): the text folded as search words are, so that "velo" finds "Vélo".
void fold(sqlite3_context* context, int, sqlite3_value** values) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(values[0]));
    const auto size = static_cast<std::size_t>(sqlite3_value_bytes(values[0]));
    const auto folded =
        signatures::normalise_for_comparison(std::string_view(text ? text : "", size));
    sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

}  // namespace

std::vector<Petition> search_petitions(Database& db, const std::vector<std::string>& words,
                                       std::size_t limit) {
    if (words.empty()) return {};
    // Registering again replaces the function: cheap next to the scan that follows.
    sqlite3_create_function_v2(db.handle(), "rempart_fold", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                               &fold, nullptr, nullptr, nullptr);
    // One fixed text per number of words: the words are bound, never written into SQL.
    std::string sql(petition_columns);
    sql += "WHERE state IN ('published', 'closed')";
    for (std::size_t i = 0; i < words.size(); ++i)
        sql += " AND instr(rempart_fold(title || ' ' || summary || ' ' || body_markdown), ?" +
               std::to_string(i + 1) + ") > 0";
    sql += " ORDER BY created_at DESC, id DESC LIMIT ?" + std::to_string(words.size() + 1);
    auto& select = db.prepare(sql);
    for (std::size_t i = 0; i < words.size(); ++i) select.bind(static_cast<int>(i + 1), words[i]);
    select.bind(static_cast<int>(words.size() + 1), static_cast<std::int64_t>(limit));
    std::vector<Petition> found;
    while (select.step()) found.push_back(read_petition_row(select));
    select.reset();
    return found;
}

std::vector<Petition> similar_petitions(Database& db, const std::vector<std::string>& words,
                                        std::size_t limit) {
    std::string query;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& word = words[i];
        if (word.size() < 3 || word.find('"') != std::string::npos) continue;
        query += (query.empty() ? "\"" : " OR \"") + word + "\"";
        if (i + 1 == words.size()) query += "*";
    }
    if (query.empty()) return {};
    auto& select = db.prepare(
        "SELECT p.id FROM petition_words JOIN petitions p ON p.id = petition_words.rowid "
        "WHERE petition_words MATCH ?1 AND p.state IN ('published', 'closed') "
        "ORDER BY rank LIMIT ?2");
    select.bind(1, query).bind(2, static_cast<std::int64_t>(limit));
    std::vector<std::int64_t> ids;
    while (select.step()) ids.push_back(select.column_int(0));
    select.reset();
    std::vector<Petition> found;
    for (const auto id : ids)
        if (auto petition = find_petition_by_id(db, id)) found.push_back(std::move(*petition));
    return found;
}

}  // namespace rempart::store

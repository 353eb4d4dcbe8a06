// Interface text in French and English, and choosing the visitor's language.
#include "render/i18n.hpp"

#include <toml++/toml.h>

#include <charconv>

#include "core/embedded.hpp"
#include "core/text.hpp"

namespace rempart::render {
namespace {

using Table = std::map<std::string, std::string, std::less<>>;

Result<Table> flatten(std::string_view toml_text, std::string_view name) {
    Table table;
    try {
        const auto root = toml::parse(toml_text, name);
        for (const auto& [section, node] : root) {
            const auto* keys = node.as_table();
            if (!keys)
                return make_error("locale.bad", std::string(name) + ": top-level " +
                                                    std::string(section.str()) +
                                                    " must be a [section]");
            for (const auto& [key, value] : *keys) {
                const auto* text = value.as_string();
                if (!text)
                    return make_error("locale.bad",
                                      std::string(name) + ": " + std::string(section.str()) + "." +
                                          std::string(key.str()) + " must be a string");
                table.emplace(std::string(section.str()) + "." + std::string(key.str()),
                              text->get());
            }
        }
    } catch (const toml::parse_error& e) {
        return make_error("locale.bad", std::string(name) + ": " + std::string(e.description()));
    }
    return table;
}

}  // namespace

std::string_view code(Language language) {
    return language == Language::en ? "en" : "fr";
}

std::optional<Language> parse_language(std::string_view text) {
    if (text == "fr") return Language::fr;
    if (text == "en") return Language::en;
    return std::nullopt;
}

Language choose_language(std::string_view cookie_lang, std::string_view accept_language,
                         Language fallback) {
    if (const auto chosen = parse_language(cookie_lang)) return *chosen;
    std::optional<Language> best;
    double best_q = 0.0;
    while (!accept_language.empty()) {
        const auto comma = std::min(accept_language.find(','), accept_language.size());
        auto item = trim_view(accept_language.substr(0, comma));
        accept_language.remove_prefix(std::min(comma + 1, accept_language.size()));
        double q = 1.0;
        if (const auto semicolon = item.find(';'); semicolon != std::string_view::npos) {
            auto param = trim_view(item.substr(semicolon + 1));
            item = trim_view(item.substr(0, semicolon));
            if (param.starts_with("q=")) {
                param.remove_prefix(2);
                // from_chars for double is in GCC 12's library.
                const auto [end, err] =
                    std::from_chars(param.data(), param.data() + param.size(), q);
                if (err != std::errc()) q = 0.0;
            }
        }
        const auto primary = item.substr(0, item.find('-'));
        std::string lower(primary);
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto language = parse_language(lower);
        if (language && q > best_q) {
            best = language;
            best_q = q;
        }
    }
    return best.value_or(fallback);
}

Result<std::unique_ptr<Messages>> Messages::parse(std::string_view fr_toml,
                                                  std::string_view en_toml) {
    auto fr = flatten(fr_toml, "locales/fr.toml");
    if (!fr) return fr.error();
    auto en = flatten(en_toml, "locales/en.toml");
    if (!en) return en.error();
    for (const auto& [key, _] : *fr)
        if (!en->contains(key))
            return make_error("locale.missing", "locales/en.toml lacks the key " + key);
    for (const auto& [key, _] : *en)
        if (!fr->contains(key))
            return make_error("locale.missing", "locales/fr.toml lacks the key " + key);
    auto messages = std::make_unique<Messages>();
    messages->fr_ = std::move(*fr);
    messages->en_ = std::move(*en);
    return messages;
}

Result<std::unique_ptr<Messages>> Messages::load() {
    const auto fr = embedded::find("locales/fr.toml");
    const auto en = embedded::find("locales/en.toml");
    if (!fr || !en) return make_error("locale.missing", "the locales are not in this build");
    return parse(*fr, *en);
}

std::string_view Messages::text(Language language, std::string_view key) const {
    const auto& table = all(language);
    const auto it = table.find(key);
    return it == table.end() ? key : std::string_view(it->second);
}

const Table& Messages::all(Language language) const {
    return language == Language::en ? en_ : fr_;
}

std::string format_number(Language language, std::int64_t value) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    const std::string separator = language == Language::fr ? "\u202f" : ",";
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

}  // namespace rempart::render

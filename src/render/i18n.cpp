// Interface text in French and English, and choosing the visitor's language.
#include "render/i18n.hpp"

#include <sodium.h>
#include <toml++/toml.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <ctime>
#include <set>

#include "core/embedded.hpp"
#include "core/text.hpp"
#include "render/errors.hpp"

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
                return make_error(RenderError::locale_bad, std::string(name) + ": top-level " +
                                                               std::string(section.str()) +
                                                               " must be a [section]");
            for (const auto& [key, value] : *keys) {
                const auto* text = value.as_string();
                if (!text)
                    return make_error(RenderError::locale_bad,
                                      std::string(name) + ": " + std::string(section.str()) + "." +
                                          std::string(key.str()) + " must be a string");
                table.emplace(std::string(section.str()) + "." + std::string(key.str()),
                              text->get());
            }
        }
    } catch (const toml::parse_error& e) {
        return make_error(RenderError::locale_bad,
                          std::string(name) + ": " + std::string(e.description()));
    }
    return table;
}

// The {name} placeholders of a message, so that both languages can be held to the same set.
std::set<std::string_view> placeholders_of(std::string_view message) {
    std::set<std::string_view> names;
    for (std::size_t open = message.find('{'); open != std::string_view::npos;
         open = message.find('{', open + 1)) {
        const auto close = message.find('}', open);
        if (close == std::string_view::npos) break;
        const auto name = message.substr(open + 1, close - open - 1);
        if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
                return std::islower(static_cast<unsigned char>(c)) || c == '_';
            }))
            names.insert(name);
    }
    return names;
}

Result<void> same_keys(const Table& left, std::string_view left_name, const Table& right,
                       std::string_view right_name) {
    for (const auto& [key, text] : left) {
        const auto other = right.find(key);
        if (other == right.end())
            return make_error(RenderError::locale_missing, std::string(right_name) +
                                                               " lacks the key " + key + " that " +
                                                               std::string(left_name) + " has");
        if (placeholders_of(text) != placeholders_of(other->second))
            return make_error(RenderError::locale_placeholders,
                              key + " has other {placeholders} in " + std::string(left_name) +
                                  " than in " + std::string(right_name));
    }
    return {};
}

// The q-value of one Accept-Language item's parameters; anything unreadable counts as 0.
double quality(std::string_view params) {
    double q = 1.0;
    while (!params.empty()) {
        const auto semicolon = std::min(params.find(';'), params.size());
        const auto param = trim_view(params.substr(0, semicolon));
        params.remove_prefix(std::min(semicolon + 1, params.size()));
        if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
        const auto value = trim_view(param.substr(2));
        // from_chars for double is in GCC 12's library.
        const auto [end, err] = std::from_chars(value.data(), value.data() + value.size(), q);
        if (err != std::errc() || end != value.data() + value.size() || q < 0.0 || q > 1.0)
            return 0.0;
    }
    return q;
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
        const auto item = accept_language.substr(0, comma);
        accept_language.remove_prefix(std::min(comma + 1, accept_language.size()));
        const auto semicolon = std::min(item.find(';'), item.size());
        const auto tag = trim_view(item.substr(0, semicolon));
        const auto params = item.substr(std::min(semicolon + 1, item.size()));
        const auto language = parse_language(to_lower_ascii(tag.substr(0, tag.find('-'))));
        if (!language) continue;  // "*" and languages we do not speak leave the choice open
        if (const double q = quality(params); q > best_q) {
            best = language;
            best_q = q;
        }
    }
    return best.value_or(fallback);
}

std::uint64_t Messages::next_serial() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

Result<std::unique_ptr<Messages>> Messages::parse(std::string_view fr_toml,
                                                  std::string_view en_toml) {
    constexpr std::string_view fr_name = "locales/fr.toml", en_name = "locales/en.toml";
    auto fr = flatten(fr_toml, fr_name);
    if (!fr) return fr.error();
    auto en = flatten(en_toml, en_name);
    if (!en) return en.error();
    if (auto same = same_keys(*fr, fr_name, *en, en_name); !same) return same.error();
    if (auto same = same_keys(*en, en_name, *fr, fr_name); !same) return same.error();
    auto messages = std::make_unique<Messages>();
    messages->fr_ = std::move(*fr);
    messages->en_ = std::move(*en);
    return messages;
}

Result<std::unique_ptr<Messages>> Messages::load() {
    const auto fr = embedded::find("locales/fr.toml");
    const auto en = embedded::find("locales/en.toml");
    if (!fr || !en)
        return make_error(RenderError::locale_missing, "the locales are not in this build");
    return parse(*fr, *en);
}

std::string_view Messages::text(Language language, std::string_view key) const {
    const auto& table = all(language);
    const auto it = table.find(key);
    return it == table.end() ? key : std::string_view(it->second);
}

std::string Messages::plural(Language language, std::string_view key, std::int64_t count) const {
    const auto suffix = plural_form(language, count) == Plural::one ? "_one" : "_other";
    return fill(text(language, std::string(key) + suffix),
                {{"count", format_number(language, count)}});
}

const Table& Messages::all(Language language) const {
    return language == Language::en ? en_ : fr_;
}

Plural plural_form(Language language, std::int64_t count) {
    if (language == Language::fr) return count == 0 || count == 1 ? Plural::one : Plural::other;
    return count == 1 ? Plural::one : Plural::other;
}

std::string format_number(Language language, std::int64_t value) {
    // Through unsigned, so that the most negative value has a magnitude too.
    const auto magnitude =
        value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    const std::string digits = std::to_string(magnitude);
    const std::string_view separator = language == Language::fr ? "\u202f" : ",";
    std::string out = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

std::string consent_version(const Messages& messages, Language language) {
    const auto words = std::string(messages.text(language, "sign.updates_label")) + "\n" +
                       std::string(messages.text(language, "sign.newsletter_label"));
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(words.data()), words.size());
    return to_hex(digest, 6);
}

std::string format_date(Language language, std::int64_t unix_seconds) {
    static constexpr std::string_view french[] = {"janvier",   "février", "mars",     "avril",
                                                  "mai",       "juin",    "juillet",  "août",
                                                  "septembre", "octobre", "novembre", "décembre"};
    static constexpr std::string_view english[] = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
    const auto seconds = static_cast<std::time_t>(unix_seconds);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    const auto& months = language == Language::fr ? french : english;
    // French says "1er" for the first of the month.
    const std::string day = std::to_string(parts.tm_mday) +
                            (language == Language::fr && parts.tm_mday == 1 ? "er" : "");
    return day + " " + std::string(months[parts.tm_mon]) + " " +
           std::to_string(parts.tm_year + 1900);
}

std::string format_signatures(const Messages& messages, Language language, std::int64_t count) {
    return messages.plural(language, "petition.signatures", count);
}

std::string fill(std::string_view message, const Placeholders& values) {
    std::string out;
    out.reserve(message.size());
    while (!message.empty()) {
        const auto open = message.find('{');
        out += message.substr(0, open);
        if (open == std::string_view::npos) break;
        message.remove_prefix(open);
        const auto close = message.find('}');
        const auto name =
            close == std::string_view::npos ? std::string_view() : message.substr(1, close - 1);
        const auto value = std::find_if(values.begin(), values.end(),
                                        [name](const auto& entry) { return entry.first == name; });
        if (value == values.end() || name.empty()) {
            out += '{';
            message.remove_prefix(1);
        } else {
            out += value->second;
            message.remove_prefix(close + 1);
        }
    }
    return out;
}

}  // namespace rempart::render

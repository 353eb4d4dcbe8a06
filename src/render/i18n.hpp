// Interface text in French and English, and choosing the visitor's language.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace rempart::render {

enum class Language { fr, en };
inline constexpr Language all_languages[] = {Language::fr, Language::en};

std::string_view code(Language language);
std::optional<Language> parse_language(std::string_view code);

// Cookie first (the visitor chose), then Accept-Language by q-value (the first of equal
// q-values wins; q=0 means "not this one"), then the site default.
Language choose_language(std::string_view cookie_lang, std::string_view accept_language,
                         Language fallback);

// The message catalogs, locales/<lang>.toml flattened to "section.key". Messages may hold
// {name} placeholders; a key ending in _one / _other is one plural form of a counted noun.
class Messages {
  public:
    // Loads locales/fr.toml and locales/en.toml from the binary; both must hold the same keys
    // with the same placeholders, or start-up fails naming the first difference.
    static Result<std::unique_ptr<Messages>> load();
    static Result<std::unique_ptr<Messages>> parse(std::string_view fr_toml,
                                                   std::string_view en_toml);

    // A missing key is a bug caught by the tests, shown as the key itself.
    std::string_view text(Language language, std::string_view key) const;
    // `key` without its suffix: plural(fr, "petition.signatures", 12345) gives
    // "12 345 signatures", the number formatted the way the language writes it.
    std::string plural(Language language, std::string_view key, std::int64_t count) const;
    const std::map<std::string, std::string, std::less<>>& all(Language language) const;
    // Differs between any two catalogs loaded by this process, so what is derived from one
    // can be kept under its number (the pages' words are).
    std::uint64_t serial() const { return serial_; }

  private:
    std::map<std::string, std::string, std::less<>> fr_;
    std::map<std::string, std::string, std::less<>> en_;
    std::uint64_t serial_ = next_serial();
    static std::uint64_t next_serial();
};

// French writes "0 signature" and "1 signature"; English "0 signatures" and "1 signature".
enum class Plural { one, other };
Plural plural_form(Language language, std::int64_t count);

// 12345 → "12 345" (U+202F narrow no-break space) in French, "12,345" in English.
std::string format_number(Language language, std::int64_t value);

// The version of the words beside the signing form's consent boxes in `language`: the
// first 12 hex digits of their SHA-256, kept with each signature so that what a signer
// agreed to can be shown later, word for word, even after the words change.
std::string consent_version(const Messages& messages, Language language);

// A day as people write it, in UTC: "6 décembre 2026", "6 December 2026".
std::string format_date(Language language, std::int64_t unix_seconds);

// "1 signature", "12 345 signatures", "12,345 signatures".
std::string format_signatures(const Messages& messages, Language language, std::int64_t count);

// Replaces each {name} of `message` that `values` names; other braces stay as written.
using Placeholders = std::vector<std::pair<std::string_view, std::string>>;
std::string fill(std::string_view message, const Placeholders& values);

}  // namespace rempart::render

// Interface text in French and English, and choosing the visitor's language.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart::render {

enum class Language { fr, en };

std::string_view code(Language language);
std::optional<Language> parse_language(std::string_view code);

// Cookie first (the visitor chose), then Accept-Language by q-value, then the site default.
Language choose_language(std::string_view cookie_lang, std::string_view accept_language,
                         Language fallback);

class Messages {
  public:
    // Loads locales/fr.toml and locales/en.toml from the binary; both must hold the same keys.
    static Result<std::unique_ptr<Messages>> load();
    static Result<std::unique_ptr<Messages>> parse(std::string_view fr_toml,
                                                   std::string_view en_toml);

    // "section.key"; a missing key is a bug caught by the tests, shown as the key itself.
    std::string_view text(Language language, std::string_view key) const;
    const std::map<std::string, std::string, std::less<>>& all(Language language) const;

  private:
    std::map<std::string, std::string, std::less<>> fr_;
    std::map<std::string, std::string, std::less<>> en_;
};

// 12345 → "12 345" (narrow no-break space) in French, "12,345" in English.
std::string format_number(Language language, std::int64_t value);

}  // namespace rempart::render

// The association's newsletter as a consent of its own: its states, the links that confirm
// and end it, and the version of the words a person agreed to. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rempart::signatures {

// Asked (the box ticked, the signature confirmed), given (the second confirmation), or
// ended: by the person, or by three years without a real action.
enum class NewsletterState { pending, subscribed, left, expired };
std::string_view to_string(NewsletterState state);
std::optional<NewsletterState> parse_newsletter_state(std::string_view text);

// How a subscription ended, for its proof.
enum class NewsletterEnd { link, one_click, my_data, expired };
std::string_view to_string(NewsletterEnd end);

// The mailed links, which the store keeps nothing of: each names its subscription and proves
// the server made it for that use (a leave link confirms nothing, and the other way round).
enum class NewsletterLink { confirm, leave };
std::string newsletter_token(std::string_view secret, NewsletterLink link,
                             std::int64_t subscriber_id);
std::optional<std::int64_t> read_newsletter_token(std::string_view secret, NewsletterLink link,
                                                  std::string_view token);

// The version of consent words in a language: 12 hex digits of their SHA-256, the same
// words always the same version, any change a new one.
std::string words_version(std::string_view language, std::string_view words);

}  // namespace rempart::signatures

// The newsletter's consent: states, links and the words' version.
#include "signatures/newsletter.hpp"

#include <sodium.h>

#include "core/text.hpp"
#include "signatures/unsubscribe_token.hpp"

namespace rempart::signatures {
namespace {

std::string_view purpose_of(NewsletterLink link) {
    return link == NewsletterLink::confirm ? "newsletter-confirm" : "newsletter-leave";
}

}  // namespace

std::string_view to_string(NewsletterState state) {
    switch (state) {
        case NewsletterState::pending:
            return "pending";
        case NewsletterState::subscribed:
            return "subscribed";
        case NewsletterState::left:
            return "left";
        case NewsletterState::expired:
            return "expired";
    }
    return "pending";
}

std::optional<NewsletterState> parse_newsletter_state(std::string_view text) {
    for (const auto state : {NewsletterState::pending, NewsletterState::subscribed,
                             NewsletterState::left, NewsletterState::expired})
        if (to_string(state) == text) return state;
    return std::nullopt;
}

std::string_view to_string(NewsletterEnd end) {
    switch (end) {
        case NewsletterEnd::link:
            return "link";
        case NewsletterEnd::one_click:
            return "one_click";
        case NewsletterEnd::my_data:
            return "my_data";
        case NewsletterEnd::expired:
            return "expired";
    }
    return "link";
}

std::string newsletter_token(std::string_view secret, NewsletterLink link,
                             std::int64_t subscriber_id) {
    return signed_id_token(secret, purpose_of(link), subscriber_id);
}

std::optional<std::int64_t> read_newsletter_token(std::string_view secret, NewsletterLink link,
                                                  std::string_view token) {
    return read_signed_id_token(secret, purpose_of(link), token);
}

std::string words_version(std::string_view language, std::string_view words) {
    const auto text = std::string(language) + "\n" + std::string(words);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return to_hex(digest, 6);
}

}  // namespace rempart::signatures

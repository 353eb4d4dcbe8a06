// What a signer's browser and mailbox do, for tests and tools: solve the proof of work, post the
// form, find the confirmation link in the Maildir.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "client/http_client.hpp"

namespace rempart::testing {

using Fields = std::vector<std::pair<std::string, std::string>>;

// Fetches GET /altcha/challenge and solves it the way the widget does (SHA-256 of the
// salt and each number in turn): the payload the widget would put in the form.
// With `petition`, asks for the difficulty that petition calls for now.
std::string solve_altcha(std::uint16_t port, const std::string& petition = "");
// The same for any challenge address (the gate's is /gate/challenge), sending `headers`.
std::string solve_challenge_at(std::uint16_t port, const std::string& target, Headers headers = {});

// The mark of the server's start its challenges carry (`start=` in their salt): a
// challenge made without it, or with another start's, is refused as expired.
std::string challenge_start_mark(std::uint16_t port);

// A solved payload for a challenge signed with `secret` (the server's data/secret.key)
// that expires at `expires_at`, with `start` (challenge_start_mark) as its mark: lets a
// test present an expired but genuine solution. `salt` tells payloads apart: each
// challenge is accepted once.
std::string altcha_payload(const std::string& secret, std::int64_t expires_at,
                           const std::string& salt = "0123456789abcdef",
                           const std::string& start = "");

// application/x-www-form-urlencoded, every byte but unreserved ones percent-encoded.
std::string form_encode(const Fields& fields);

// A form signed the way the page's form is: name, e-mail, terms accepted and a fresh
// proof of work; `extra` adds or overrides fields.
Fields signing_fields(std::uint16_t port, std::string name, std::string email,
                      const Fields& extra = {});

HttpResponse post_form(std::uint16_t port, const std::string& target, const Fields& fields,
                       Headers headers = {});

// The messages in <maildir>/new, oldest first, raw.
std::vector<std::string> maildir_messages(const std::filesystem::path& maildir);
// Waits (bounded) until at least `count` messages are there, and returns them.
std::vector<std::string> wait_for_mails(
    const std::filesystem::path& maildir, std::size_t count,
    std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));

// A raw message's parts decoded from quoted-printable (or base64), text and HTML in turn.
std::string decoded_body(const std::string& raw_message);
// The {base_url}/s/{token} link of a confirmation mail, or empty; the token alone below.
std::string confirmation_link(const std::string& raw_message);
std::string link_token(const std::string& link);

}  // namespace rempart::testing

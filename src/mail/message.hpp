// A mail as Rempart writes it: RFC 5322, multipart text and HTML, headers encoded.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace rempart::mail {

struct Message {
    std::string from_address;
    std::string from_name;  // shown beside the address; any text
    std::string to_address;
    std::string subject;    // any text; encoded as RFC 2047 words when not plain ASCII
    std::string text;       // the text/plain part, LF or CRLF line ends
    std::string html;       // the text/html part
    std::string language;   // "fr", "en": Content-Language
    // A mail to a list (a petition's news): the recipient's own unsubscribe URL, written as
    // List-Unsubscribe with List-Unsubscribe-Post for one click (RFC 2369, RFC 8058).
    std::string unsubscribe_url;
};

// "<32 hex digits@domain>", random.
std::string make_message_id(std::string_view domain);

// The whole message, CRLF line ends, no header line over 78 characters and no body line
// over 76 (quoted-printable). CR and LF in header values are dropped, so no value can
// start a header of its own.
std::string compose(const Message& message, std::chrono::system_clock::time_point date,
                    std::string_view message_id);

// RFC 5322 date-time in UTC: "Wed, 25 Nov 2026 07:31:00 +0000".
std::string format_date(std::chrono::system_clock::time_point date);

// Quoted-printable (RFC 2045) with CRLF line ends.
std::string quoted_printable(std::string_view text);

}  // namespace rempart::mail

// A mail as Rempart writes it: RFC 5322, multipart text and HTML, headers encoded.
#include "mail/message.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace rempart::mail {
namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";
constexpr std::size_t header_line_limit = 78;   // RFC 5322 2.1.1
constexpr std::size_t encoded_word_limit = 75;  // RFC 2047 2
constexpr std::size_t body_line_limit = 76;     // RFC 2045 6.7, the soft-break "=" included

std::string random_hex(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string hex(2 * bytes + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                   raw.size());
    hex.pop_back();
    return hex;
}

std::string without_line_breaks(std::string_view text) {
    std::string out;
    for (const char c : text)
        if (c != '\r' && c != '\n') out += c;
    return out;
}

bool plain_ascii(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x7f || (byte < 0x20 && c != '\t')) return false;
    }
    return true;
}

// RFC 2047 B-encoded words of at most 75 characters, never splitting a UTF-8 sequence,
// joined by folding whitespace. `first_line_room` is what is left of the first line.
std::string encoded_words(std::string_view text, std::size_t first_line_room) {
    constexpr std::string_view open = "=?UTF-8?B?";
    constexpr std::string_view close = "?=";
    std::string out;
    std::size_t room = first_line_room;
    std::size_t i = 0;
    while (i < text.size()) {
        // Bytes that fit: base64 of n bytes takes 4 * ceil(n / 3) characters. A first line
        // with too little room for a word still gets one, as short as the others allow.
        const auto word = std::min(room, encoded_word_limit);
        const auto available = word > open.size() + close.size() + 4
                                   ? word - open.size() - close.size()
                                   : std::size_t{4};
        std::size_t take = std::min(text.size() - i, available / 4 * 3);
        while (take > 0 && i + take < text.size() &&
               (static_cast<unsigned char>(text[i + take]) & 0xC0) == 0x80)
            --take;  // never cut a character in two
        if (take == 0) take = 1;
        std::string encoded(sodium_base64_ENCODED_LEN(take, sodium_base64_VARIANT_ORIGINAL), '\0');
        sodium_bin2base64(encoded.data(), encoded.size(),
                          reinterpret_cast<const unsigned char*>(text.data() + i), take,
                          sodium_base64_VARIANT_ORIGINAL);
        encoded.pop_back();
        if (!out.empty()) out += "\r\n ";
        out += std::string(open) + encoded + std::string(close);
        i += take;
        room = header_line_limit - 1;  // a continuation line starts with one space
    }
    return out;
}

// A header whose value is free text: plain ASCII when it fits on the line, otherwise
// encoded words, which fold anywhere.
std::string text_header(std::string_view name, std::string_view value) {
    const auto clean = without_line_breaks(value);
    const auto room = header_line_limit - name.size() - 2;
    if (plain_ascii(clean) && clean.size() <= room)
        return std::string(name) + ": " + clean + "\r\n";
    return std::string(name) + ": " + encoded_words(clean, room) + "\r\n";
}

// A display name is a phrase: quoted when plain ASCII, encoded otherwise or when too long
// for the line; the address goes on a line of its own when it would not fit beside it.
// `room` is what the header's name leaves of the first line.
std::string mailbox(std::string_view name, std::string_view address, std::size_t room) {
    const auto clean_name = without_line_breaks(name);
    const auto clean_address = "<" + without_line_breaks(address) + ">";
    if (clean_name.empty()) return clean_address.substr(1, clean_address.size() - 2);
    std::string quoted = "\"";
    for (const char c : clean_name) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    quoted += '"';
    if (plain_ascii(clean_name) && quoted.size() + 1 + clean_address.size() <= room)
        return quoted + " " + clean_address;
    const auto phrase =
        plain_ascii(clean_name) && quoted.size() <= room ? quoted : encoded_words(clean_name, room);
    const auto last_line = phrase.size() - (phrase.rfind('\n') + 1);  // npos + 1 is 0
    const auto first_line = phrase.find('\n') == std::string::npos;
    const auto used = first_line ? header_line_limit - room + last_line : last_line;
    if (used + 1 + clean_address.size() <= header_line_limit) return phrase + " " + clean_address;
    return phrase + "\r\n " + clean_address;
}

std::string with_crlf(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') continue;
        if (text[i] == '\n') {
            out += "\r\n";
            continue;
        }
        out += text[i];
    }
    return out;
}

}  // namespace

std::string make_message_id(std::string_view domain) {
    return "<" + random_hex(16) + "@" + without_line_breaks(domain) + ">";
}

std::string format_date(std::chrono::system_clock::time_point date) {
    const auto t = std::chrono::system_clock::to_time_t(date);
    std::tm parts{};
    gmtime_r(&t, &parts);
    static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[parts.tm_wday],
                  parts.tm_mday, months[parts.tm_mon], parts.tm_year + 1900, parts.tm_hour,
                  parts.tm_min, parts.tm_sec);
    return text;
}

std::string quoted_printable(std::string_view text) {
    const auto lines = with_crlf(text);
    std::string out;
    std::size_t column = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const char c = lines[i];
        if (c == '\r' && i + 1 < lines.size() && lines[i + 1] == '\n') {
            out += "\r\n";
            column = 0;
            ++i;
            continue;
        }
        const auto byte = static_cast<unsigned char>(c);
        const bool line_end_next = i + 1 == lines.size() || lines[i + 1] == '\r';
        // Encoded: non-ASCII, '=', controls, a space or tab before a line end (mail software
        // strips those), and a '.' opening a line, soft break or not (SMTP would read a lone
        // one as the end).
        bool encode = byte >= 0x7f || c == '=' || (byte < 0x20 && c != '\t') ||
                      ((c == ' ' || c == '\t') && line_end_next);
        // Soft break so no line passes 76 characters, the "=" included.
        if (column + (encode ? 3 : 1) > body_line_limit - 1) {
            out += "=\r\n";
            column = 0;
        }
        if (c == '.' && column == 0) encode = true;
        if (encode) {
            out += {'=', hex_digits[byte >> 4], hex_digits[byte & 0x0f]};
            column += 3;
        } else {
            out += c;
            column += 1;
        }
    }
    return out;
}

std::string compose(const Message& message, std::chrono::system_clock::time_point date,
                    std::string_view message_id) {
    // The boundary is random and holds characters quoted-printable never writes together.
    const auto boundary = "=_rempart_" + random_hex(12);
    std::string out;
    out += "Date: " + format_date(date) + "\r\n";
    out +=
        "From: " + mailbox(message.from_name, message.from_address, header_line_limit - 6) + "\r\n";
    out += "To: " + mailbox("", message.to_address, header_line_limit - 4) + "\r\n";
    out += text_header("Subject", message.subject);
    out += "Message-ID: " + without_line_breaks(message_id) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    if (!message.language.empty())
        out += "Content-Language: " + without_line_breaks(message.language) + "\r\n";
    out += "Auto-Submitted: auto-generated\r\n";
    if (!message.unsubscribe_url.empty()) {
        // The URL is one token: it goes on a line of its own when it does not fit beside
        // the name (the line may then pass 78 characters, never 998: base_url is short).
        const auto url = "<" + without_line_breaks(message.unsubscribe_url) + ">";
        constexpr std::string_view name = "List-Unsubscribe:";
        out += std::string(name) +
               (name.size() + 1 + url.size() <= header_line_limit ? " " : "\r\n ") + url + "\r\n";
        out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    }
    out += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n";
    out += "\r\n";
    for (const auto& [type, body] :
         {std::pair<const char*, const std::string*>{"text/plain", &message.text},
          {"text/html", &message.html}}) {
        out += "--" + boundary + "\r\n";
        out += std::string("Content-Type: ") + type + "; charset=utf-8\r\n";
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
        out += quoted_printable(*body);
        out += "\r\n";
    }
    out += "--" + boundary + "--\r\n";
    return out;
}

}  // namespace rempart::mail

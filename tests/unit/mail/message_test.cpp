// Tests for composing mail: headers encoded and folded, bodies in quoted-printable, CRLF.
#include <gtest/gtest.h>

#include <sodium.h>

#include <sstream>
#include <string_view>
#include <vector>

#include "mail/message.hpp"

namespace rempart::mail {
namespace {

Message sample() {
    Message message;
    message.from_address = "petitions@example.org";
    message.from_name = "Rempart";
    message.to_address = "marie@example.org";
    message.subject = "Confirmez votre signature : Des pistes cyclables";
    message.text = "Bonjour Marie,\n\nSuivez ce lien : http://127.0.0.1:8080/s/abc\n";
    message.html = "<p>Bonjour Marie,</p>\n";
    message.language = "fr";
    return message;
}

std::string decode_words(std::string_view header) {
    std::string out;
    std::size_t pos = 0;
    while ((pos = header.find("=?UTF-8?B?", pos)) != std::string_view::npos) {
        const auto end = header.find("?=", pos + 10);
        const auto b64 = header.substr(pos + 10, end - pos - 10);
        std::string bin(b64.size(), '\0');
        std::size_t len = 0;
        sodium_base642bin(reinterpret_cast<unsigned char*>(bin.data()), bin.size(), b64.data(),
                          b64.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL);
        out += bin.substr(0, len);
        pos = end + 2;
    }
    return out;
}

// Quoted-printable back to text, CRLF read as LF.
std::string decode_quoted_printable(std::string_view encoded) {
    std::string decoded;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded[i] == '=' && encoded.substr(i + 1, 2) == "\r\n") {
            i += 2;
        } else if (encoded[i] == '=') {
            decoded +=
                static_cast<char>(std::stoi(std::string(encoded.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else if (encoded.substr(i, 2) == "\r\n") {
            decoded += '\n';
            ++i;
        } else {
            decoded += encoded[i];
        }
    }
    return decoded;
}

std::string header_block(const std::string& message) {
    return message.substr(0, message.find("\r\n\r\n") + 2);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
        lines.push_back(text.substr(start, end - start));
    return lines;
}

TEST(Message, HasTheHeadersAMailNeeds) {
    const auto composed =
        compose(sample(), std::chrono::system_clock::from_time_t(1795000000), "<abc@example.org>");
    EXPECT_TRUE(composed.starts_with("Date: "));
    EXPECT_NE(composed.find("\r\nFrom: \"Rempart\" <petitions@example.org>\r\n"),
              std::string::npos);
    EXPECT_NE(composed.find("\r\nTo: marie@example.org\r\n"), std::string::npos);
    EXPECT_NE(composed.find("\r\nMessage-ID: <abc@example.org>\r\n"), std::string::npos);
    EXPECT_NE(composed.find("\r\nMIME-Version: 1.0\r\n"), std::string::npos);
    EXPECT_NE(composed.find("\r\nContent-Language: fr\r\n"), std::string::npos);
    EXPECT_NE(composed.find("multipart/alternative;\r\n boundary=\"=_rempart_"), std::string::npos);
    EXPECT_NE(composed.find("Content-Type: text/plain; charset=utf-8"), std::string::npos);
    EXPECT_NE(composed.find("Content-Type: text/html; charset=utf-8"), std::string::npos);
}

TEST(Message, AListMailCarriesOneClickUnsubscribe) {
    EXPECT_EQ(header_block(compose(sample(), std::chrono::system_clock::now(), "<a@b>"))
                  .find("List-Unsubscribe"),
              std::string::npos);
    auto message = sample();
    message.unsubscribe_url = "http://127.0.0.1:8080/u/42-0123456789abcdef0123456789abcdef";
    const auto headers = header_block(compose(message, std::chrono::system_clock::now(), "<a@b>"));
    // Too long beside its name: the URL goes on the next line, whole.
    EXPECT_NE(headers.find("\r\nList-Unsubscribe:\r\n <" + message.unsubscribe_url + ">\r\n"),
              std::string::npos)
        << headers;
    EXPECT_NE(headers.find("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
              std::string::npos);
    message.unsubscribe_url = "https://p.example/u/7-0123456789abcdef0123456789abcdef";
    EXPECT_NE(header_block(compose(message, std::chrono::system_clock::now(), "<a@b>"))
                  .find("\r\nList-Unsubscribe: <" + message.unsubscribe_url + ">\r\n"),
              std::string::npos);
    message.unsubscribe_url += "\r\nBcc: everyone@example.org";
    for (const auto& line :
         lines_of(header_block(compose(message, std::chrono::system_clock::now(), "<a@b>"))))
        EXPECT_FALSE(line.starts_with("Bcc:")) << line;
}

TEST(Message, DatesAreRfc5322InUtc) {
    EXPECT_EQ(format_date(std::chrono::system_clock::from_time_t(0)),
              "Thu, 01 Jan 1970 00:00:00 +0000");
    EXPECT_EQ(format_date(std::chrono::system_clock::from_time_t(1795000000)),
              "Wed, 18 Nov 2026 11:06:40 +0000");
}

TEST(Message, AccentedSubjectsAndNamesAreEncodedAndFolded) {
    auto message = sample();
    message.subject =
        "Confirmez votre signature : « Pour des pistes cyclables protégées sur "
        "tout le boulevard de la République » 🚲";
    message.from_name = "Association Vélo à Lyon";
    const auto composed = compose(message, std::chrono::system_clock::now(), "<a@b>");
    const auto headers = header_block(composed);
    for (const auto& line : lines_of(headers)) EXPECT_LE(line.size(), 78u) << line;
    const auto subject_start = headers.find("Subject: ");
    const auto subject_end = headers.find("\r\nMessage-ID");
    EXPECT_EQ(decode_words(headers.substr(subject_start, subject_end - subject_start)),
              message.subject);
    EXPECT_NE(headers.find("From: =?UTF-8?B?"), std::string::npos);
}

TEST(Message, NoHeaderCanBeInjected) {
    auto message = sample();
    message.subject = "Hello\r\nBcc: everyone@example.org";
    message.from_name = "Evil\nBcc: x@example.org";
    message.to_address = "marie@example.org\r\nBcc: y@example.org";
    const auto composed = compose(message, std::chrono::system_clock::now(), "<a@b>\r\nX: y");
    for (const auto& line : lines_of(header_block(composed)))
        EXPECT_FALSE(line.starts_with("Bcc:") || line.starts_with("X:")) << line;
}

TEST(Message, BodiesAreQuotedPrintableWithShortLinesAndNoBareLineFeeds) {
    auto message = sample();
    message.text = std::string(200, 'x') + " é=\n. a line starting with a dot\ntrailing space \n";
    const auto composed = compose(message, std::chrono::system_clock::now(), "<a@b>");
    for (const auto& line : lines_of(composed)) EXPECT_LE(line.size(), 76u) << line;
    for (std::size_t i = 0; i < composed.size(); ++i)
        if (composed[i] == '\n') {
            EXPECT_EQ(composed[i - 1], '\r') << "bare LF at " << i;
        }
    EXPECT_NE(composed.find("=C3=A9=3D"), std::string::npos);
    EXPECT_NE(composed.find("\r\n=2E a line"), std::string::npos);
    EXPECT_NE(composed.find("trailing space=20\r\n"), std::string::npos);
}

TEST(Message, QuotedPrintableRoundTrips) {
    const std::string text = "Œuvre d'été = 100 %\nDeux\n" + std::string(150, 'z');
    EXPECT_EQ(decode_quoted_printable(quoted_printable(text)), text);
}

// The parts of a multipart message, by the boundary its Content-Type names.
std::vector<std::string> parts_of(const std::string& message) {
    const auto start = message.find("boundary=\"") + 10;
    const auto boundary = "\r\n--" + message.substr(start, message.find('"', start) - start);
    std::vector<std::string> parts;
    auto at = message.find(boundary);
    while (at != std::string::npos && message.compare(at + boundary.size(), 2, "--") != 0) {
        const auto body = message.find("\r\n\r\n", at) + 4;
        const auto next = message.find(boundary, body);
        parts.push_back(message.substr(body, next - body));
        at = next;
    }
    return parts;
}

TEST(Message, BothPartsReadBackAsWritten) {
    auto message = sample();
    message.text =
        "Bonjour Zoé,\n\nMerci d'avoir signé « Sauvons la forêt » 🌳 !\n"
        ". Un point en tête de ligne, = un égal, des espaces en fin   \n" +
        std::string(100, 'y') + ".\n";
    message.html = "<p>Bonjour Zoé, merci 🌳</p>\n<p>" + std::string(120, 'h') + "</p>";
    const auto composed = compose(message, std::chrono::system_clock::now(), "<a@b>");
    const auto parts = parts_of(composed);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(decode_quoted_printable(parts[0]), message.text);
    EXPECT_EQ(decode_quoted_printable(parts[1]), message.html);
}

TEST(Message, EncodedWordsStayWithinRfc2047sSeventyFiveCharacters) {
    auto message = sample();
    message.subject = std::string(30, 'e') + " é " + std::string(300, 'f') + " 🚲";
    const auto headers = header_block(compose(message, std::chrono::system_clock::now(), "<a@b>"));
    std::size_t words = 0;
    for (std::size_t at = 0; (at = headers.find("=?UTF-8?", at)) != std::string::npos; ++words) {
        const auto end = headers.find("?=", at + 10) + 2;
        EXPECT_LE(end - at, 75u) << headers.substr(at, end - at);
        at = end;
    }
    EXPECT_GT(words, 4u);
}

TEST(Message, LongSenderNamesFoldAndKeepTheAddress) {
    for (const std::string& name :
         {std::string(90, 'A'), std::string("Association pour la défense "
                                            "des pistes cyclables protégées "
                                            "de la Métropole de Lyon")}) {
        auto message = sample();
        message.from_name = name;
        message.from_address = "confirmation-automatique@association-au-nom-long.example.org";
        const auto headers =
            header_block(compose(message, std::chrono::system_clock::now(), "<a@b>"));
        for (const auto& line : lines_of(headers)) EXPECT_LE(line.size(), 78u) << line;
        const auto from = headers.find("From: ");
        const auto from_value = headers.substr(from, headers.find("\r\nTo: ") - from);
        EXPECT_EQ(decode_words(from_value), name);
        EXPECT_NE(from_value.find(" <" + message.from_address + ">"), std::string::npos);
    }
}

TEST(Message, ADotPushedToTheStartOfALineBySoftBreakIsEncoded) {
    const auto encoded = quoted_printable(std::string(75, 'x') + ".\n.");
    for (const auto& line : lines_of(encoded + "\r\n")) EXPECT_FALSE(line.starts_with(".")) << line;
    EXPECT_EQ(decode_quoted_printable(encoded), std::string(75, 'x') + ".\n.");
}

TEST(Message, MessageIdsAreUnique) {
    const auto a = make_message_id("example.org");
    EXPECT_TRUE(a.starts_with("<"));
    EXPECT_TRUE(a.ends_with("@example.org>"));
    EXPECT_NE(a, make_message_id("example.org"));
}

}  // namespace
}  // namespace rempart::mail

// Tests for composing mail: headers encoded and folded, bodies in quoted-printable, CRLF.
#include <gtest/gtest.h>

#include <sodium.h>

#include <sstream>

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
    const auto composed = compose(sample(), std::chrono::system_clock::from_time_t(1795000000),
                                  "<abc@example.org>");
    EXPECT_TRUE(composed.starts_with("Date: "));
    EXPECT_NE(composed.find("\r\nFrom: \"Rempart\" <petitions@example.org>\r\n"), std::string::npos);
    EXPECT_NE(composed.find("\r\nTo: marie@example.org\r\n"), std::string::npos);
    EXPECT_NE(composed.find("\r\nMessage-ID: <abc@example.org>\r\n"), std::string::npos);
    EXPECT_NE(composed.find("\r\nMIME-Version: 1.0\r\n"), std::string::npos);
    EXPECT_NE(composed.find("\r\nContent-Language: fr\r\n"), std::string::npos);
    EXPECT_NE(composed.find("multipart/alternative;\r\n boundary=\"=_rempart_"), std::string::npos);
    EXPECT_NE(composed.find("Content-Type: text/plain; charset=utf-8"), std::string::npos);
    EXPECT_NE(composed.find("Content-Type: text/html; charset=utf-8"), std::string::npos);
}

TEST(Message, DatesAreRfc5322InUtc) {
    EXPECT_EQ(format_date(std::chrono::system_clock::from_time_t(0)),
              "Thu, 01 Jan 1970 00:00:00 +0000");
    EXPECT_EQ(format_date(std::chrono::system_clock::from_time_t(1795000000)),
              "Wed, 18 Nov 2026 11:06:40 +0000");
}

TEST(Message, AccentedSubjectsAndNamesAreEncodedAndFolded) {
    auto message = sample();
    message.subject = "Confirmez votre signature : « Pour des pistes cyclables protégées sur "
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
        if (composed[i] == '\n') EXPECT_EQ(composed[i - 1], '\r') << "bare LF at " << i;
    EXPECT_NE(composed.find("=C3=A9=3D"), std::string::npos);
    EXPECT_NE(composed.find("\r\n=2E a line"), std::string::npos);
    EXPECT_NE(composed.find("trailing space=20\r\n"), std::string::npos);
}

TEST(Message, QuotedPrintableRoundTrips) {
    const std::string text = "Œuvre d'été = 100 %\nDeux\n" + std::string(150, 'z');
    const auto encoded = quoted_printable(text);
    std::string decoded;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded[i] == '=' && encoded.compare(i + 1, 2, "\r\n") == 0) {
            i += 2;
        } else if (encoded[i] == '=') {
            decoded += static_cast<char>(std::stoi(encoded.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else if (encoded.compare(i, 2, "\r\n") == 0) {
            decoded += '\n';
            ++i;
        } else {
            decoded += encoded[i];
        }
    }
    EXPECT_EQ(decoded, text);
}

TEST(Message, MessageIdsAreUnique) {
    const auto a = make_message_id("example.org");
    EXPECT_TRUE(a.starts_with("<"));
    EXPECT_TRUE(a.ends_with("@example.org>"));
    EXPECT_NE(a, make_message_id("example.org"));
}

}  // namespace
}  // namespace rempart::mail

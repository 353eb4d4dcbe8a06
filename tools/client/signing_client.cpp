// What a signer's browser and mailbox do, for tests and tools: solve the proof of work, post the
// form, find the confirmation link in the Maildir.
#include "client/signing_client.hpp"

#include <sodium.h>
#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

namespace rempart::testing {
namespace {

std::string sha256_hex(const std::string& text) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string base64(const std::string& bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.pop_back();
    return out;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string decode_quoted_printable(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '=') {
            out += text[i];
            continue;
        }
        if (i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') {
            i += 2;  // soft line break
        } else if (i + 1 < text.size() && text[i + 1] == '\n') {
            i += 1;
        } else if (i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += '=';
        }
    }
    return out;
}

}  // namespace

std::string solve_altcha(std::uint16_t port, const std::string& petition) {
    return solve_challenge_at(
        port, petition.empty() ? "/altcha/challenge" : "/altcha/challenge?petition=" + petition);
}

std::string solve_challenge_at(std::uint16_t port, const std::string& target, Headers headers) {
    if (sodium_init() < 0) return "";
    const auto response = http_get(port, target, std::move(headers));
    if (response.status != 200) return "";
    const auto json = boost::json::parse(response.body).as_object();
    const std::string salt(json.at("salt").as_string());
    const std::string challenge(json.at("challenge").as_string());
    const auto max = json.at("maxnumber").to_number<std::int64_t>();
    for (std::int64_t number = 0; number <= max; ++number) {
        if (sha256_hex(salt + std::to_string(number)) != challenge) continue;
        boost::json::object payload;
        payload["algorithm"] = json.at("algorithm");
        payload["challenge"] = challenge;
        payload["number"] = number;
        payload["salt"] = salt;
        payload["signature"] = json.at("signature");
        payload["took"] = 1;
        return base64(boost::json::serialize(payload));
    }
    return "";
}

std::string challenge_start_mark(std::uint16_t port) {
    const auto response = http_get(port, "/altcha/challenge");
    if (response.status != 200) return "";
    const auto json = boost::json::parse(response.body).as_object();
    const std::string salt(json.at("salt").as_string());
    const auto at = salt.find("&start=");
    if (at == std::string::npos) return "";
    const auto from = at + 7;
    return salt.substr(from, salt.find('&', from) - from);
}

std::string altcha_payload(const std::string& secret, std::int64_t expires_at,
                           const std::string& salt_hex, const std::string& start) {
    if (sodium_init() < 0) return "";
    const std::string salt = salt_hex + "?expires=" + std::to_string(expires_at) + "&" +
                             (start.empty() ? "" : "start=" + start + "&");
    const auto challenge = sha256_hex(salt + "7");
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                                secret.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(challenge.data()),
                                  challenge.size());
    crypto_auth_hmacsha256_final(&state, mac);
    char signature[sizeof mac * 2 + 1];
    sodium_bin2hex(signature, sizeof signature, mac, sizeof mac);
    boost::json::object payload{{"algorithm", "SHA-256"}, {"challenge", challenge}, {"number", 7},
                                {"salt", salt},           {"signature", signature}, {"took", 1}};
    return base64(boost::json::serialize(payload));
}

std::string form_encode(const Fields& fields) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const auto& [key, value] : fields) {
        if (!out.empty()) out += '&';
        for (const auto* part : {&key, &value}) {
            for (const char c : *part) {
                const auto byte = static_cast<unsigned char>(c);
                if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
                    out += c;
                } else {
                    out += '%';
                    out += hex[byte >> 4];
                    out += hex[byte & 0x0f];
                }
            }
            if (part == &key) out += '=';
        }
    }
    return out;
}

Fields signing_fields(std::uint16_t port, std::string name, std::string email,
                      const Fields& extra) {
    Fields fields{{"name", std::move(name)},
                  {"email", std::move(email)},
                  {"accept_terms", "1"},
                  {"altcha", solve_altcha(port)}};
    for (const auto& [key, value] : extra) {
        auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const auto& field) { return field.first == key; });
        if (it != fields.end())
            it->second = value;
        else
            fields.emplace_back(key, value);
    }
    return fields;
}

HttpResponse post_form(std::uint16_t port, const std::string& target, const Fields& fields,
                       Headers headers) {
    headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return http_request(port, "POST", target, form_encode(fields), headers);
}

std::vector<std::string> maildir_messages(const std::filesystem::path& maildir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(maildir / "new", ec))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        std::error_code e1, e2;
        const auto ta = std::filesystem::last_write_time(a, e1);
        const auto tb = std::filesystem::last_write_time(b, e2);
        return ta != tb ? ta < tb : a < b;
    });
    std::vector<std::string> messages;
    for (const auto& file : files) messages.push_back(read_file(file));
    return messages;
}

std::vector<std::string> wait_for_mails(const std::filesystem::path& maildir, std::size_t count,
                                        std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto messages = maildir_messages(maildir);
        if (messages.size() >= count || std::chrono::steady_clock::now() >= deadline)
            return messages;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

std::string decoded_body(const std::string& raw_message) {
    const auto body_start = raw_message.find("\r\n\r\n");
    if (body_start == std::string::npos) return "";
    return decode_quoted_printable(raw_message.substr(body_start + 4));
}

std::string confirmation_link(const std::string& raw_message) {
    static const std::regex link(R"(https?://[0-9A-Za-z.:\[\]-]+/s/[A-Za-z0-9_-]{43,44})");
    const auto body = decoded_body(raw_message);
    std::smatch match;
    if (!std::regex_search(body, match, link)) return "";
    return match.str();
}

std::string link_token(const std::string& link) {
    const auto slash = link.rfind('/');
    return slash == std::string::npos ? "" : link.substr(slash + 1);
}

}  // namespace rempart::testing

// One signature as its signer may read it, on their own data's page and in its export.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rempart::signatures {

struct SignerRecord {
    std::int64_t id = 0;
    std::string petition_slug;
    std::string petition_title;
    std::string petition_state;  // published, closed, ...
    std::string state;           // pending, confirmed, quarantined, invalidated, withdrawn
    std::string name;
    std::string email;
    std::string postcode;
    std::string comment;
    bool public_name = false;
    std::string language;
    std::string terms_version;
    std::string privacy_version;
    std::int64_t created_at = 0;  // Unix seconds
    std::optional<std::int64_t> confirmed_at;
    std::optional<std::int64_t> withdrawn_at;
    bool updates = false;  // asked for the petition's news and has not left
    std::optional<std::int64_t> newsletter_at;
    std::string ip;  // or its network, once its time in clear is over
};

}  // namespace rempart::signatures

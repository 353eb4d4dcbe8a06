// The automatic checks' flags to and from the JSON the store keeps.
#include <boost/json.hpp>

#include "petitions/proposal_checks.hpp"

namespace rempart {

std::string flags_to_json(const std::vector<ProposalFlag>& flags) {
    boost::json::array array;
    for (const auto& flag : flags) {
        boost::json::array values;
        for (const auto& value : flag.values) values.emplace_back(value);
        array.push_back(boost::json::object{{"kind", to_string(flag.kind)},
                                            {"detail", flag.detail},
                                            {"values", std::move(values)}});
    }
    return boost::json::serialize(array);
}

std::vector<ProposalFlag> flags_from_json(std::string_view json) {
    std::vector<ProposalFlag> flags;
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(json, ec);
    if (ec || !parsed.is_array()) return flags;
    for (const auto& item : parsed.as_array()) {
        const auto* object = item.if_object();
        if (object == nullptr) continue;
        const auto* kind = object->if_contains("kind");
        if (kind == nullptr || !kind->is_string()) continue;
        std::optional<ProposalFlagKind> known;
        for (const auto candidate : {ProposalFlagKind::links, ProposalFlagKind::watched_words,
                                     ProposalFlagKind::language, ProposalFlagKind::near_duplicate})
            if (kind->as_string() == to_string(candidate)) known = candidate;
        if (!known) continue;
        ProposalFlag flag{*known, {}, {}};
        if (const auto* detail = object->if_contains("detail"); detail && detail->is_string())
            flag.detail = std::string(detail->as_string());
        if (const auto* values = object->if_contains("values"); values && values->is_array())
            for (const auto& value : values->as_array())
                if (value.is_string()) flag.values.emplace_back(value.as_string());
        flags.push_back(std::move(flag));
    }
    return flags;
}

}  // namespace rempart

// The JSON shape of petitions in the public API.
#include "api/petitions_json.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <ctime>

namespace rempart::api {
namespace {

boost::json::object petition_object(const Petition& petition, std::string_view base_url) {
    boost::json::object object;
    object["slug"] = petition.slug;
    // A refused petition is listed by its slug, state and public reason only: its text may
    // be what was refused. The reason is the site's code for it ("duplicate") or the admins'
    // own words; both are null for a hidden reason (libel, abuse).
    if (is_refused(petition)) {
        object["state"] = to_string(petition.state);
        object["url"] = std::string(base_url) + "/petitions/" + petition.slug;
        if (petition.public_reason_code.empty())
            object["reason_code"] = nullptr;
        else
            object["reason_code"] = petition.public_reason_code;
        if (petition.public_reason.empty())
            object["reason"] = nullptr;
        else
            object["reason"] = petition.public_reason;
        return object;
    }
    object["title"] = petition.title;
    object["summary"] = petition.summary;
    object["state"] = to_string(petition.state);
    object["signature_count"] = petition.signature_count;
    if (petition.goal)
        object["goal"] = *petition.goal;
    else
        object["goal"] = nullptr;
    object["created_at"] = rfc3339_utc(petition.created_at);
    object["url"] = std::string(base_url) + "/petitions/" + petition.slug;
    // Confirmed signatures by département, from the postcodes signers gave.
    boost::json::object regions;
    for (const auto& [region, count] : petition.signatures_by_region) regions[region] = count;
    object["signatures_by_region"] = std::move(regions);
    object["postcode_required"] = petition.postcode_required;
    return object;
}

}  // namespace

std::string rfc3339_utc(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm parts{};
    gmtime_r(&t, &parts);
    char text[32];
    const auto n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return std::string(text, n);
}

std::string petition_json(const Petition& petition, std::string_view base_url) {
    return boost::json::serialize(petition_object(petition, base_url));
}

std::string petition_list_json(const CatalogSnapshot& catalog, std::string_view base_url) {
    boost::json::array list;
    list.reserve(catalog.petitions.size());
    for (const auto& petition : catalog.petitions)
        list.push_back(petition_object(petition, base_url));
    boost::json::object root;
    root["petitions"] = std::move(list);
    return boost::json::serialize(root);
}

std::string error_json(std::string_view code, std::string_view message) {
    boost::json::object object;
    object["error"] = code;
    object["message"] = message;
    return boost::json::serialize(object);
}

}  // namespace rempart::api

// The JSON shape of petitions in the public API; outside tools rely on these field names.
#pragma once

#include <string>
#include <string_view>

#include "petitions/catalog.hpp"

namespace rempart::api {

// {"slug","title","summary","state","signature_count","goal","created_at","url",
//  "signatures_by_region"}; created_at in RFC 3339 UTC; goal null when none.
std::string petition_json(const Petition& petition, std::string_view base_url);
// {"petitions": [...]} with every published and closed petition, newest first.
std::string petition_list_json(const CatalogSnapshot& catalog, std::string_view base_url);
// {"error": code, "message": text}
std::string error_json(std::string_view code, std::string_view message);

std::string rfc3339_utc(std::int64_t unix_seconds);

}  // namespace rempart::api

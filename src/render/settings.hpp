// [site]: who runs the site, shown on every page and in the privacy and terms pages.
#pragma once

#include <string>

namespace rempart::config {
class File;
}

namespace rempart::render {

struct SiteSettings {
    std::string name = "Rempart";
    std::string default_language = "fr";  // "fr" or "en"
    std::string controller = "";          // data controller: the association's legal name
    std::string contact_email = "";
    std::string postal_address = "";
    std::string hosting_provider = "";
    std::string terms_version = "2026-11-01";
    std::string privacy_version = "2026-11-01";
};

SiteSettings read_site_settings(config::File& file);

}  // namespace rempart::render

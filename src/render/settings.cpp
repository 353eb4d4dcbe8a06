// Reads [site].
#include "render/settings.hpp"

#include "core/config.hpp"

namespace rempart::render {

SiteSettings read_site_settings(config::File& file) {
    SiteSettings settings;
    auto site = file.section("site");
    site.text("name", settings.name);
    site.choice("default_language", {"fr", "en"}, settings.default_language);
    site.text("controller", settings.controller);
    site.text("contact_email", settings.contact_email);
    site.text("postal_address", settings.postal_address);
    site.text("hosting_provider", settings.hosting_provider);
    site.text("terms_version", settings.terms_version);
    site.text("privacy_version", settings.privacy_version);
    return settings;
}

}  // namespace rempart::render

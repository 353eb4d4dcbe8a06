// The record of processing activities (GDPR article 30), written from the settings in force:
// each activity's words from locales/ ([register]), its periods from [retention] and
// [backup]; shown in the back office and exported as Markdown and CSV. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "render/i18n.hpp"
#include "signatures/retention.hpp"

namespace rempart::admin {

struct RegisterEntry {
    std::string activity, purpose, basis, people, data, recipients, retention, safeguards;
};

// Every activity Rempart carries out, in the order the register lists them.
std::vector<RegisterEntry> processing_register(const render::Messages& messages,
                                               render::Language language,
                                               const PromisedPeriods& periods);

// Who answers for it, as the site's settings name them (empty when not set).
struct RegisterController {
    std::string name, contact_email, postal_address;
};

// The whole register as a Markdown document: title, controller, then a section an activity.
std::string register_markdown(const render::Messages& messages, render::Language language,
                              const RegisterController& controller,
                              const std::vector<RegisterEntry>& entries, std::int64_t now);
// One row an activity under a header row, as delivery_csv writes CSV (BOM, CRLF, quoted,
// formulas defused).
std::string register_csv(const render::Messages& messages, render::Language language,
                         const std::vector<RegisterEntry>& entries);

}  // namespace rempart::admin

// The defence's reasons, as stored with a cluster or a watch, in the reader's language:
// one sentence each, for the incident and watch pages and the admins' mails.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/i18n.hpp"

namespace rempart::render {

// One sentence a reason, the signs of automation first. Lines the store kept from before
// the reasons were structured are shown as written.
std::vector<std::string> evidence_sentences(const Messages& messages, Language language,
                                            std::string_view stored);

}  // namespace rempart::render

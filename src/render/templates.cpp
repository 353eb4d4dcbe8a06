// The page templates, parsed once from the files compiled into the binary.
#include <kainjow/mustache.hpp>

#include "core/embedded.hpp"
#include "render/detail/page_parts.hpp"
#include "render/errors.hpp"
#include "render/pages.hpp"

namespace rempart::render {
namespace mu = kainjow::mustache;

Templates::Templates() : parsed_(std::make_unique<Parsed>()) {}
Templates::~Templates() = default;

Result<std::unique_ptr<Templates>> Templates::load() {
    std::unique_ptr<Templates> templates(new Templates());
    auto& p = *templates->parsed_;
    std::unique_ptr<mu::mustache> progress;
    const std::pair<const char*, std::unique_ptr<mu::mustache>*> files[] = {
        {"templates/layout.mustache", &p.layout},
        {"templates/web/home.mustache", &p.home},
        {"templates/web/petition.mustache", &p.petition},
        {"templates/web/progress.mustache", &progress},
        {"templates/web/privacy.mustache", &p.privacy},
        {"templates/web/terms.mustache", &p.terms},
        {"templates/web/error.mustache", &p.error},
        {"templates/web/thanks.mustache", &p.thanks},
        {"templates/web/confirm.mustache", &p.confirm},
        {"templates/web/gate.mustache", &p.gate},
        {"templates/web/search.mustache", &p.search},
        {"templates/web/history.mustache", &p.history},
        {"templates/web/unsubscribe.mustache", &p.unsubscribe},
        {"templates/web/answer.mustache", &p.answer},
        {"templates/web/propose.mustache", &p.propose},
        {"templates/web/propose_link.mustache", &p.propose_link},
        {"templates/web/author.mustache", &p.author},
        {"templates/web/report.mustache", &p.report},
        {"templates/web/support.mustache", &p.support},
        {"templates/web/support_confirm.mustache", &p.support_confirm},
        {"templates/web/my_data.mustache", &p.my_data},
        {"templates/web/my_data_list.mustache", &p.my_data_list},
        {"templates/web/newsletter.mustache", &p.newsletter},
    };
    for (const auto& [path, slot] : files) {
        const auto text = embedded::find(path);
        if (!text)
            return make_error(RenderError::template_missing,
                              std::string(path) + " is not in this build");
        *slot = std::make_unique<mu::mustache>(std::string(*text));
        if (!(*slot)->is_valid())
            return make_error(RenderError::template_invalid,
                              std::string(path) + ": " + (*slot)->error_message());
    }
    p.progress_source = std::string(*embedded::find("templates/web/progress.mustache"));
    p.share_source = std::string(*embedded::find("templates/web/share.mustache"));
    p.proposal_fields_source =
        std::string(*embedded::find("templates/web/proposal_fields.mustache"));
    return templates;
}

}  // namespace rempart::render

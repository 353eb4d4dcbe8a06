// Proposing a petition from the public site: GET|POST /propose, GET /propose/sent,
// GET|POST /propose/link, and the author's private page /p/{token}.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "defence/model/subject.hpp"
#include "http/router.hpp"
#include "petitions/geography.hpp"
#include "petitions/submission_settings.hpp"
#include "shield/signing_limits.hpp"
#include "web/signing_services.hpp"

namespace rempart::web {

// A report is rarer still: one address gets a few an hour, the site a few hundred a day, so
// that a crowd clicking "report" cannot bury the moderators.
shield::SigningRateSettings report_rates();

// Proposals are rarer than signatures and each costs a moderator's time: one address gets
// a handful an hour, the whole site a few hundred a day, whatever a script tries.
shield::SigningRateSettings proposal_rates();

// What proposing needs: signing's services (proof of work, bans, limits on mail, DNS), the
// queue's settings, and limits of its own.
struct ProposalServices {
    SigningServices& signing;
    const SubmissionSettings& settings;
    const Geography* geography = nullptr;  // names of régions for the author's page, when loaded
    shield::SigningLimits limits{proposal_rates()};
    shield::SigningLimits report_limits{report_rates()};
};

// The difficulty key and challenge name of the proposal form's proof of work: not a slug
// (slugs have no "~"), so that raising a petition's difficulty never touches it.
inline constexpr std::string_view proposal_pow_key = defence::proposals_pow_key;
inline constexpr std::string_view report_pow_key = defence::reports_pow_key;

// The distinct folded words of `text` (at most 16, in their order): what the index of
// petitions is asked for, while typing, before sending and for the automatic checks.
std::vector<std::string> proposal_search_words(std::string_view text);

// The automatic checks of a proposal (petitions/proposal_checks) against the published
// petitions that look closest, as the JSON the store keeps: done when it is proposed and at
// each correction.
boost::asio::awaitable<std::string> automatic_flags(const ProposalServices& services,
                                                    const PetitionDraft& draft);

void add_propose_routes(http::Router& router, ProposalServices& services);
// GET|POST /propose/link: the author's link again.
void add_propose_link_routes(http::Router& router, ProposalServices& services);
// The author's private page: GET /p/{token}, POST /p/{token}/confirm, POST /p/{token}.
void add_author_routes(http::Router& router, ProposalServices& services);
// Its forms once the petition is published: news to its signers, the target's link, close.
void add_author_campaign_routes(http::Router& router, ProposalServices& services);
// GET|POST /petitions/{slug}/report and GET /petitions/{slug}/reported.
void add_report_routes(http::Router& router, ProposalServices& services);
// GET|POST /support/{token}, GET /support/sent, GET|POST /support/confirm/{token}: the
// supporters a proposal gathers first when [submissions] supporters_needed asks for some.
void add_support_routes(http::Router& router, ProposalServices& services);

}  // namespace rempart::web

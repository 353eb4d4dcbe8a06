// What a proposal is checked and limited with before a moderator reads it: its budgets, the
// words the index is asked for, and the automatic checks against the closest petitions.
#include <algorithm>

#include "core/text.hpp"
#include "petitions/proposal_checks.hpp"
#include "signatures/text_input.hpp"
#include "store/petition_search.hpp"
#include "web/propose_routes.hpp"

namespace rempart::web {

shield::SigningRateSettings proposal_rates() {
    shield::SigningRateSettings rates;
    rates.per_ip = {0.1, 5};
    rates.per_network = {0.2, 10};
    rates.per_wide_network = {0.4, 20};
    rates.per_as = {2, 60};
    rates.per_domain = {2, 60};
    rates.per_petition = {5, 300};  // the whole site: one bucket, "~propose"
    return rates;
}

namespace {

constexpr std::size_t similar_words_max = 16;
constexpr std::size_t flag_candidates = 20;  // the index's best, for the near-duplicate flag

}  // namespace

std::vector<std::string> proposal_search_words(std::string_view text) {
    std::vector<std::string> words;
    const auto folded = signatures::normalise_for_comparison(to_valid_utf8(text));
    std::size_t at = 0;
    while (at < folded.size() && words.size() < similar_words_max) {
        const auto end = std::min(folded.find(' ', at), folded.size());
        std::string word = folded.substr(at, end - at);
        if (!word.empty() && std::find(words.begin(), words.end(), word) == words.end())
            words.push_back(std::move(word));
        at = end + 1;
    }
    return words;
}

boost::asio::awaitable<std::string> automatic_flags(const ProposalServices& services,
                                                    const PetitionDraft& draft) {
    // Near duplicates among the petitions the index finds close, not the whole catalog: the
    // similarity then costs the same with ten petitions on the site or ten thousand.
    auto words = proposal_search_words(draft.title + " " + draft.summary);
    std::function<std::vector<Petition>(store::Database&)> read =
        [words = std::move(words)](store::Database& db) {
            return store::similar_petitions(db, words, flag_candidates);
        };
    const auto candidates =
        co_await services.signing.store.readers().read<std::vector<Petition>>(std::move(read));
    std::vector<PublishedText> others;
    for (const auto& petition : candidates)
        others.push_back(
            {petition.id, petition.slug, petition.title, petition.summary, petition.state});
    ProposalCheckRules rules;
    rules.links_flagged_from = static_cast<std::size_t>(services.settings.links_flagged_from);
    rules.watched_words = services.settings.watched_words;
    co_return flags_to_json(check_proposal(
        {draft.title, draft.summary, draft.body_markdown, draft.language}, others, rules));
}

}  // namespace rempart::web

// One planned attempt, and one confirmation, over HTTP.
#include "signing_attempt.hpp"

#include "proof_of_work.hpp"

namespace rempart::attack {

testing::Fields signing_form(const PlannedAttempt& attempt, const std::string& altcha) {
    testing::Fields fields{{"name", attempt.name}, {"email", attempt.email}};
    if (!attempt.postcode.empty()) fields.emplace_back("postcode", attempt.postcode);
    if (!attempt.comment.empty()) fields.emplace_back("comment", attempt.comment);
    fields.emplace_back("public_name", "1");
    fields.emplace_back("accept_terms", "1");
    fields.emplace_back("altcha", altcha);
    return fields;
}

AttemptOutcome send_attempt(KeepAliveClient& client, const std::string& petition,
                            const PlannedAttempt& attempt) {
    AttemptOutcome outcome;
    const Headers source{{"X-Forwarded-For", attempt.ip}, {"User-Agent", attempt.user_agent}};
    const auto challenge =
        client.request("GET", "/altcha/challenge?petition=" + petition, "", source);
    ++outcome.requests;
    outcome.challenge_status = challenge.status;
    if (challenge.status != 200) return outcome;
    const auto solution = solve_challenge(challenge.body, attempt.solver);
    if (!solution) return outcome;
    outcome.difficulty = solution->maxnumber;
    outcome.hashes = solution->hashes;

    Headers headers = source;
    headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    const auto answer =
        client.request("POST", "/petitions/" + petition + "/sign",
                       testing::form_encode(signing_form(attempt, solution->payload)), headers);
    ++outcome.requests;
    outcome.sign_status = answer.status;
    return outcome;
}

unsigned send_confirmation(KeepAliveClient& client, const std::string& token, const std::string& ip,
                           const std::string& user_agent) {
    const Headers headers{{"X-Forwarded-For", ip},
                          {"User-Agent", user_agent},
                          {"Content-Type", "application/x-www-form-urlencoded"}};
    return client.request("POST", "/s/" + token + "/confirm", "", headers).status;
}

}  // namespace rempart::attack

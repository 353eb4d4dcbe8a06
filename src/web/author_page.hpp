// The author's private page as every author route answers it: the proposal its link names,
// and the page shown with what the step just taken leaves to say.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"
#include "render/proposal_pages.hpp"
#include "store/submission_repository.hpp"
#include "web/propose_routes.hpp"

namespace rempart::web {

// The proposal `token` names, when it is its current link; none otherwise.
boost::asio::awaitable<std::optional<store::Submission>> find_by_author_link(
    const SigningServices& services, std::string token);

// 404, for a link that is unknown or replaced.
http::Response author_link_invalid(const SigningServices& services, const http::Request& request);

// 409 for a step the proposal no longer allows (decided meanwhile, or closed); 503 (logged)
// when the store could not write.
http::Response author_step_failed(const SigningServices& services, const http::Request& request,
                                  const Error& error);

// What a step leaves on the page beyond the stored proposal.
struct AuthorPageState {
    const ProposalForm* form = nullptr;  // the proposal as typed, when a correction failed
    std::vector<ProposalError> errors;
    std::string notice_key;
    // Once published: the news form as typed and its errors, a link made for the target,
    // the close form sent without its box ticked, or the word of the step done.
    render::AuthorNewsForm news_form;
    std::vector<ProposalError> news_errors;
    bool previewing = false;
    std::string answer_link;
    bool close_unconfirmed = false;
    std::string done;
    unsigned status = 200;
};

// The page, with the campaign's figures and news read from the store once published.
boost::asio::awaitable<http::Response> author_page(ProposalServices& services,
                                                   const http::Request& request,
                                                   store::Submission submission, std::string token,
                                                   AuthorPageState state);

}  // namespace rempart::web

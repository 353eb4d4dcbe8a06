// An accepted signature written: the row, its confirmation mail and its event in one job.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <string>

#include "http/request.hpp"
#include "http/response.hpp"
#include "petitions/petition.hpp"
#include "signatures/signing_event.hpp"
#include "signatures/signing_form.hpp"
#include "web/signing_services.hpp"

namespace rempart::web::signing {

// The detector sees `event` first and may quarantine the signature; the answer is the
// thanks page, the same for a duplicate, or 503 when the store cannot take it now.
boost::asio::awaitable<http::Response> record_accepted(SigningServices& services,
                                                       const http::Request& request,
                                                       const Petition& petition,
                                                       const signatures::SigningInput& input,
                                                       signatures::SigningEvent& event,
                                                       const std::string& mailbox);

}  // namespace rempart::web::signing

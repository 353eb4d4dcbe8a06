// The demo petition that `rempart serve --demo` publishes into an empty store.
#pragma once

#include "petitions/petition.hpp"

namespace rempart::app {

PetitionDraft demo_petition();

}  // namespace rempart::app

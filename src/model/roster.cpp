#include "model/roster.h"

namespace ucap::model {

const RosterPairing* Roster::find_pairing(std::string_view id) const {
  for (const Batch& batch : batches)
    for (const RosterPairing& pairing : batch.pairings)
      if (pairing.id.value == id) return &pairing;
  return nullptr;
}

}  // namespace ucap::model

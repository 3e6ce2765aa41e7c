// CorpusPlan moved to the neutral plan.hpp (every stage passes it on). This header
// only keeps index/ and write/ building until they include plan.hpp themselves.
#pragma once

#include "plan.hpp"

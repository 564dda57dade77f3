#include "gateway/clock.h"

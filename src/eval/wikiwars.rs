//! WikiWarsDE (TIMEX2 gold) reader (in progress).

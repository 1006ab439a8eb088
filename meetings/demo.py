"""The meetings centre's demo data (called by `seed_demo` after the bureau's), one module per part."""


def seed(*, stdout=None):
    # --- official receptions 公务接待 (meetings-reception) ---
    from meetings import demo_reception

    demo_reception.seed(stdout=stdout)
    # --- end official receptions ---

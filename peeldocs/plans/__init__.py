"""Action plans for PEEL reports and other inspections, and the register of all of them."""

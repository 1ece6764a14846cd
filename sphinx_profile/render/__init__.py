"""Pure rendering: validated records -> docutils nodes. No directive state here."""

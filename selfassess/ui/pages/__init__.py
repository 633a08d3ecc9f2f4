"""The pages of the main window: an item, bonus claims, veto declarations, shortcomings and
measures, and the summary with sealing."""

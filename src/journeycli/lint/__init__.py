"""`journey lint`: discovery, rules, configuration and reporters."""

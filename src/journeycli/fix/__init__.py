"""`journey fix`: the safe fixes (Dutch labels, quoted booleans, one-item lists), made in place."""

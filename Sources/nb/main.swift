print("nb: under construction")

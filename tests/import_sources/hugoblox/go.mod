module github.com/sortiz/site

module github.com/cpocalc/cpocalc

go 1.26

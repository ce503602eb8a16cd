package zh

var words = map[string]string{}

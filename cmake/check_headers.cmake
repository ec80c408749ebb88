# Checks that every algorithms/ and view/ header (but the ones listed as needing the model)
# compiles on its own and does not pull in the alliance model. Run by ctest:
#   cmake -DCXX=... -DINCLUDE=... -DBOOST_INCLUDE=... -DOUT=... -P check_headers.cmake
file(GLOB headers RELATIVE ${INCLUDE} ${INCLUDE}/wijknet/algorithms/*.hpp ${INCLUDE}/wijknet/view/graph_view.hpp
     ${INCLUDE}/wijknet/view/adapter.hpp)
# two_mode.hpp builds its network from an alliance's events: it needs the model by design.
list(REMOVE_ITEM headers wijknet/algorithms/two_mode.hpp)
file(MAKE_DIRECTORY ${OUT})
set(failed "")
foreach(header IN LISTS headers)
  string(MAKE_C_IDENTIFIER ${header} name)
  file(WRITE ${OUT}/${name}.cpp "#include \"${header}\"\n")
  execute_process(COMMAND ${CXX} -std=c++17 -fsyntax-only -H -I${INCLUDE} -I${BOOST_INCLUDE} ${OUT}/${name}.cpp
                  RESULT_VARIABLE rc ERROR_VARIABLE trace OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    string(APPEND failed "${header} does not compile on its own:\n${trace}\n")
  elseif(trace MATCHES "wijknet/(model|io|diagnostics|report)/|wijknet/view/(snapshot|selection)\\.hpp")
    string(REGEX MATCHALL "[^\n]*wijknet/(model|io|diagnostics|report)/[^\n]*|[^\n]*wijknet/view/(snapshot|selection)\\.hpp" why "${trace}")
    list(GET why 0 first)
    string(APPEND failed "${header} includes the alliance model:${first}\n")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "${failed}")
endif()
list(LENGTH headers count)
message(STATUS "${count} headers compile alone without the alliance model")
